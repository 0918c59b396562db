package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code UserAccessPolicy} file. */
@JacksonXmlRootElement(localName = "UserAccessPolicy")
public class UserAccessPolicyXml {
  public String booleanFilter;
  public String description;
  public Boolean isProtected;
  public String masterLabel;
  public Integer order;
  public String status;
  public String triggerType;
  public List<Action> userAccessPolicyActions = new ArrayList<>();
  public List<Filter> userAccessPolicyFilters = new ArrayList<>();

  /** Grant or revoke one permission set, group or licence. */
  public static class Action {
    public String action;
    public String target;
    public String type;
  }

  /** One criterion on the user. */
  public static class Filter {
    public String columnName;
    public String operation;
    public Integer sortOrder;
    public String target;
    public String type;
    public String value;
  }
}
