/**
 * Saga orchestration: {@link com.wildrydes.constructs.saga.FareCollectionSaga}, a Step Functions
 * state machine that charges, credits and compensates, every failure ending recorded and notified.
 */
package com.wildrydes.constructs.saga;
