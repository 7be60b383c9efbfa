/**
 * This library's own plumbing, shared by its packages: secure defaults, validation, wiring of
 * queues and functions. Not API: public only because Java has no narrower way to share across
 * packages; it may change in any release, is left out of the API listing and the Javadoc, and no
 * code outside this project should use it.
 */
package com.wildrydes.constructs.internal;
