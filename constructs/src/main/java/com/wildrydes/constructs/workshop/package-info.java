/**
 * The workshop's own service: {@link com.wildrydes.constructs.workshop.UnicornManagementService},
 * the REST API that stores each completed ride and publishes it, as labs 1 and 2 use it.
 */
package com.wildrydes.constructs.workshop;
