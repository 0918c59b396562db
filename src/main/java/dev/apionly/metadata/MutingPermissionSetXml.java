package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A {@code MutingPermissionSet} file: the same elements as a permission set, meaning "off". */
@XmlRootElement(name = "MutingPermissionSet")
public class MutingPermissionSetXml extends PermissionSetXml {}
