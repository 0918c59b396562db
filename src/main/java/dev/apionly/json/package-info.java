/**
 * JSON as apionly reads and writes it: trees read straight off Jackson's streaming parser, and the
 * one layout of every JSON report.
 */
package dev.apionly.json;
