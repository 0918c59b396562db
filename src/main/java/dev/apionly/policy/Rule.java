package dev.apionly.policy;

import dev.apionly.diagnostic.Severity;

/** The least-privilege rules, each with a stable id, a default level and help for reviewers. */
public enum Rule {
  BAD_INPUT(
      "bad-input",
      Severity.ERROR,
      "A spec or apionly.yaml that cannot be read as it is",
      "The file is not a valid spec: malformed YAML, a wrong type, an unknown key, a name"
          + " Salesforce would refuse, or a secret pasted into it. Nothing is generated until it"
          + " is fixed. Reported by lint in json and sarif so that CI shows it; text output and"
          + " generate print it as a compiler error (exit code 2)."),
  MISSING_JUSTIFICATION(
      "missing-justification",
      Severity.ERROR,
      "A high or critical grant needs a justification",
      "Every high or critical grant (delete, viewAll, modifyAll, ViewSetup, critical user"
          + " permissions...) needs a 'justification' beside it: on the object, or as {name,"
          + " justification} for a user permission. Reviewers read it in the access review."),
  CRITICAL_NOT_ALLOWED(
      "critical-not-allowed",
      Severity.ERROR,
      "A critical grant needs the org's policy to allow it",
      "Integration users should almost never hold critical permissions (ModifyAllData,"
          + " ViewAllData, ManageUsers, AuthorApex...). To accept one, list it under"
          + " policy.allowCritical in apionly.yaml, and justify it in the spec."),
  FORBIDDEN(
      "forbidden-grant",
      Severity.ERROR,
      "A grant the org's policy forbids",
      "policy.forbid in apionly.yaml lists grants no integration may hold, whatever the"
          + " justification. Remove the grant from the spec."),
  UNJUSTIFIABLE(
      "unjustifiable-high-risk",
      Severity.WARNING,
      "A high-risk grant of a kind that has no justification key",
      "apionly.yaml raised this kind of grant to high or critical, but spec format v1 has no"
          + " justification for it; reviewers see it in the access review."),
  IMPORTED_JUSTIFICATION(
      "imported-justification",
      Severity.WARNING,
      "A justification written by import, not yet reviewed",
      "apionly import marks each risky grant it brings in with 'Imported from FILE: review'."
          + " Replace it with the real reason, or remove the grant."),
  UNKNOWN_USER_PERMISSION(
      "unknown-user-permission",
      Severity.WARNING,
      "A user permission apionly does not know",
      "The name is not among the user permissions apionly knows; check its spelling against"
          + " Setup or a retrieved profile. New Salesforce releases add permissions, so this is a"
          + " warning."),
  UNKNOWN_POLICY_ENTRY(
      "unknown-policy-entry",
      Severity.WARNING,
      "A policy entry in apionly.yaml that names nothing apionly knows",
      "An entry of policy.allowCritical, policy.forbid or policy.levels must name a user"
          + " permission, an object verb (Case.delete, or *.modifyAll for every object), a field"
          + " verb (Account.Phone.edit) or a grant of the specs. A misspelt forbid entry forbids"
          + " nothing, so check the spelling."),
  ALLOW_NOT_CRITICAL(
      "allow-not-critical",
      Severity.WARNING,
      "policy.allowCritical lists a grant that is not critical",
      "allowCritical accepts critical grants only; an entry for a grant rated lower (by the"
          + " catalogue or by policy.levels) has no effect and misleads readers. Remove it."),
  POLICY_CONFLICT(
      "policy-conflict",
      Severity.WARNING,
      "A grant both allowed and forbidden by apionly.yaml",
      "policy.forbid is absolute and wins over policy.allowCritical. Remove the entry from one"
          + " of the two lists so the file says what the org means."),
  IMPLIED_GRANT(
      "implied-grant",
      Severity.NOTE,
      "A grant added because Salesforce requires it",
      "Salesforce requires some grants alongside others (edit needs read, delete needs edit,"
          + " ViewSetup needs ViewRoles...). apionly adds them and reports each."),
  PERMISSION_ADVICE(
      "permission-advice",
      Severity.NOTE,
      "A user permission granted without one often assumed to come with it",
      "Some lists of Salesforce's permission dependencies pair the two, but Salesforce does not"
          + " enforce the pair: permission sets retrieved from real orgs hold the one without the"
          + " other. So apionly adds nothing, and says so where the spec grants the first; the"
          + " note gives the evidence (for ViewEventLogFiles: the integration user has API access"
          + " from its profile already). Nothing needs to change unless the integration lacks"
          + " what the other permission gives."),
  MUTE_NOT_GRANTED(
      "mute-not-granted",
      Severity.WARNING,
      "A muted grant the group does not give",
      "The muting permission set switches off something no set of the group grants (as far as"
          + " the specs show); it has no effect. Check the name."),
  INCLUDED_SET_LICENCE(
      "included-set-licence",
      Severity.WARNING,
      "An included set without the API integration licence",
      "The group includes a permission set from the repository that carries no licence, or"
          + " another one than SalesforceAPIIntegrationPsl. A user on the Salesforce Integration"
          + " licence may not be able to hold it, and the group's assignment can fail. Give the"
          + " set the licence, or describe what the integration needs in its own spec."),
  INCLUDED_SET_ACCESS(
      "included-set-access",
      Severity.WARNING,
      "High or critical access given through an included set",
      "The group includes a permission set from the repository that grants high or critical"
          + " access. The spec does not show it, but the integration holds it: review and report"
          + " count it. Check that the integration needs it."),
  UNKNOWN_SOURCE_NAME(
      "unknown-source-name",
      Severity.WARNING,
      "A custom name the repository's own source does not define",
      "The spec names a custom object, field, record type, Apex class, page, flow, custom"
          + " permission, custom metadata type, custom setting or external credential principal"
          + " that the project's package directories do not define, though they define others of"
          + " its kind: usually a typo (the message gives the nearest name). 'apionly validate"
          + " SPECS' reports the same as errors."),
  OAUTH_FULL_SCOPE(
      "oauth-full-scope",
      Severity.WARNING,
      "OAuth scope 'full'",
      "'full' gives the app everything the integration user can do; an integration needs 'api'."),
  OAUTH_REFRESH_TOKEN_CLIENT_CREDENTIALS(
      "oauth-refresh-token-client-credentials",
      Severity.WARNING,
      "OAuth scope 'refresh_token' with client credentials",
      "The client-credentials flow issues no refresh token; the scope only widens the app.");

  private final String id;
  private final Severity level;
  private final String title;
  private final String help;

  Rule(String id, Severity level, String title, String help) {
    this.id = id;
    this.level = level;
    this.title = title;
    this.help = help;
  }

  public String id() {
    return id;
  }

  public Severity level() {
    return level;
  }

  public String title() {
    return title;
  }

  public String help() {
    return help;
  }
}
