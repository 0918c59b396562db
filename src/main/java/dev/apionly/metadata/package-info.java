/**
 * Salesforce metadata XML read into typed classes (Jackson's XML binding) and turned into the
 * model: used to prove rendered files grant exactly the model, and to import existing permission
 * sets. Also validates files against the bundled Metadata API schema or an org's WSDL, and derives
 * that schema from a WSDL.
 */
package dev.apionly.metadata;
