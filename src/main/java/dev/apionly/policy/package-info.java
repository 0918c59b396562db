/** The check stage: risk levels of grants, the org's policy, and least-privilege findings. */
package dev.apionly.policy;
