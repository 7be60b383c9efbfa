/**
 * What applies to the whole library: {@link com.wildrydes.constructs.WildRydesChecks}, the aspect
 * an app applies so that checks needing the whole stack or app run.
 */
package com.wildrydes.constructs;
