/**
 * {@code apionly validate}: generated files against an org's Metadata WSDL, and spec names against
 * an org's {@code sf sobject describe} snapshot, before deploy time.
 */
package dev.apionly.validate;
