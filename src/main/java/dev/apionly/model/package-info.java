/**
 * The canonical access model: integrations, permission sets, groups and users as Salesforce sees
 * them. Imports neither YAML nor XML libraries; every other stage meets here.
 */
package dev.apionly.model;
