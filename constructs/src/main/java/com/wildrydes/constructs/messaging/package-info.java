/**
 * Messaging between services: {@link com.wildrydes.constructs.messaging.FilteredSubscription}
 * (fan-out with a filter and nothing lost), {@link com.wildrydes.constructs.messaging.FilterPolicy}
 * (SNS filter policies checked at synthesis) and
 * {@link com.wildrydes.constructs.messaging.TopicQueueChain} (a queue between a topic and its
 * consumers, a buffering load balancer).
 */
package com.wildrydes.constructs.messaging;
