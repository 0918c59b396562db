/**
 * Checks against a real org before deploy time: generated files against the org's Metadata API
 * WSDL, and the objects, fields and record types specs name against saved {@code sf sobject
 * describe} output.
 */
package dev.apionly.validate;
