/** The generate pipeline, stage by stage, from spec files to a written SFDX project. */
package dev.apionly.generate;
