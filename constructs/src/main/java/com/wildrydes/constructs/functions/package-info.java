/**
 * Java Lambda functions set up as this project sets up its own:
 * {@link com.wildrydes.constructs.functions.JavaFunction}, an {@code IFunction} reached through its
 * SnapStart alias.
 */
package com.wildrydes.constructs.functions;
