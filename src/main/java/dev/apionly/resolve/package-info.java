/**
 * The resolve stage: defaults applied, grants closed over Salesforce's dependencies, specs turned
 * into the canonical model.
 */
package dev.apionly.resolve;
