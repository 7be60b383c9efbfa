/**
 * cdk-nag suppressions recorded with their reasons, without a dependency on cdk-nag:
 * {@link com.wildrydes.constructs.nag.NagSuppressionMetadata}.
 */
package com.wildrydes.constructs.nag;
