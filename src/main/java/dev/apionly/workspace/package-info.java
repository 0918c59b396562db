/**
 * What one run reads once and every command starts from: the {@link
 * dev.apionly.workspace.Workspace}.
 */
package dev.apionly.workspace;
