/**
 * Salesforce metadata XML read with JAXB into the classes xjc generates at build time from the
 * bundled schema ({@code dev.apionly.metadata.xml}, the only package beside this one that JAXB
 * reaches) and turned into the model: used to prove rendered files grant exactly the model, and to
 * import existing permission sets. Also validates files against the bundled Metadata API schema or
 * an org's WSDL, and derives that schema from a WSDL.
 */
package dev.apionly.metadata;
