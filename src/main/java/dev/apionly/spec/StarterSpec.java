package dev.apionly.spec;

import java.util.Objects;

/**
 * The commented spec {@code apionly init} writes: valid as it is (one read grant, an owner, no
 * risky access), with every other key shown in comments.
 *
 * @param name the integration's API name, already checked with {@link Names#apiNameProblem}
 * @param username the integration user's username, or null to leave the user block commented out
 */
public record StarterSpec(String name, String username) {

  /** Placeholder team address: the spec's owner and the user's email until someone edits them. */
  static final String OWNER = "integration-owner@example.com";

  public StarterSpec {
    Objects.requireNonNull(name, "name");
  }

  /** The YAML text, ending in a new line. */
  public String text() {
    String label = name.replace('_', ' ');
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # API-only access for the %1$s integration: apionly spec format v1
        # ('apionly schema' prints its JSON Schema). Grant only what the integration needs.
        name: %2$s
        label: %1$s                 # at most 80 characters
        description: API-only access for the %1$s integration.   # at most 255 characters
        owner: %3$s   # who answers for this access: a team address
        # ticket: SEC-1234          # change or approval reference, shown in reviews

        """
            .formatted(label, name, OWNER));
    if (username == null) {
      out.append(
          """
          # The API-only user (Salesforce Integration licence, Minimum Access - API Only
          # Integrations profile). Without it, no user access policy or provisioning script.
          # user:
          #   username: integration@acme.example.integration
          #   email: %s

          """
              .formatted(OWNER));
    } else {
      out.append(
          """
          # The API-only user (Salesforce Integration licence, Minimum Access - API Only
          # Integrations profile).
          user:
            username: '%s'
            email: %s   # where Salesforce mails the user
            # timeZone: UTC             # also locale, language, emailEncoding; see apionly.yaml

          """
              .formatted(username.replace("'", "''"), OWNER));
    }
    out.append(
        """
        # Object API name -> access: one of, or a list of: read, create, edit, delete, viewAll,
        # modifyAll. Prerequisites (read for create and edit, ...) are implied.
        objects:
          Account:
            access: read
            fields:
              read: [Name]            # field API names without the object
        #  Order:
        #    access: [create, edit]
        #    fields:
        #      edit: [Status]         # edit implies read
        #    recordTypes: [Retail]
        #  Invoice__c:
        #    access: [read, delete]   # delete is high risk: it needs a justification
        #    justification: Invoices are replaced on every resync.

        # apexClasses: [OrderSyncRestResource]
        # flows: [Order_Post_Processing]
        # customPermissions: [Bypass_Order_Validation]
        # userPermissions:
        #   - RunFlow
        #   - name: ViewSetup         # high risk: needs a justification
        #     justification: Reads org limits before each batch.
        # include: [Api_Baseline]     # other permission sets to add to the group
        """);
    return out.toString();
  }
}
