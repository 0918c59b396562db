/**
 * Which grants an integration really uses: Salesforce's Event Monitoring log files, streamed and
 * mapped to object verbs, set against each integration's effective access, with tightened specs
 * suggested from the evidence.
 */
package dev.apionly.usage;
