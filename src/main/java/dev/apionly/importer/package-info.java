/**
 * {@code apionly import}: existing permission set and permission set group XML into specs, every
 * grant kept, every risk made visible, nothing dropped silently.
 */
package dev.apionly.importer;
