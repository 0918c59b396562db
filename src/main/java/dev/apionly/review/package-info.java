/**
 * Review: the change in access between two versions of the specs, per integration, with risk
 * levels, written as Markdown for a pull request or as JSON. Works on the model, never on XML.
 */
package dev.apionly.review;
