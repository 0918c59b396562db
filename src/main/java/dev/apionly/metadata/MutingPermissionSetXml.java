package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** A {@code MutingPermissionSet} file: the same elements as a permission set, meaning "off". */
@JacksonXmlRootElement(localName = "MutingPermissionSet")
public class MutingPermissionSetXml extends PermissionSetXml {}
