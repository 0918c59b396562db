/**
 * The import stage: existing permission set and permission set group XML read through the metadata
 * model and written back as specs, with every risky grant marked for review and every element a
 * spec cannot express listed, never dropped silently.
 */
package dev.apionly.importer;
