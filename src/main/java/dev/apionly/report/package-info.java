/**
 * The access report: every integration's effective access through its group, ranked by risk, for
 * reviewers and auditors; as a self-contained HTML page, CSV or Markdown.
 */
package dev.apionly.report;
