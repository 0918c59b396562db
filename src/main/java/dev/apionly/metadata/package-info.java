/**
 * Salesforce metadata XML read into typed JAXB classes and turned into the model: used to prove
 * rendered files grant exactly the model, and to import existing permission sets. Also validates
 * files against a Metadata API WSDL.
 */
@XmlSchema(namespace = MetadataXml.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
