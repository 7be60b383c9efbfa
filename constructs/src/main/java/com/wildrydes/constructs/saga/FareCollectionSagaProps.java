package com.wildrydes.constructs.saga;

import com.wildrydes.constructs.internal.RequiredProp;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * Props of {@link FareCollectionSaga}: your payment services as functions, and the error names
 * they report. A Java Lambda function reports a thrown exception by its fully qualified class
 * name, so the defaults are the class names of this project's handlers.
 */
public final class FareCollectionSagaProps {

    static final String FARES = "com.wildrydes.lambdas.fares.";
    /**
     * The charge step's expected failures when {@code paymentErrors} is not given: the exceptions of this
     * project's charge handler, after which the saga marks the fare failed, nothing having been charged.
     */
    public static final List<String> DEFAULT_PAYMENT_ERRORS = List.of(
            FARES + "PaymentAuthorizationException",
            FARES + "PaymentChargeException",
            "com.wildrydes.lambdas.common.InvalidRequestException");

    private final IFunction chargeFunction;
    private final IFunction creditFunction;
    private final IFunction refundFunction;
    private final List<String> paymentErrors;
    private final String stateMachineName;
    private final RemovalPolicy tableRemovalPolicy;
    private final ITable existingTableObj;
    private final TableProps tableProps;
    private final ITopic existingTopicObj;
    private final TopicProps topicProps;
    private final StateMachineType stateMachineType;
    private final Duration timeout;
    private final ILogGroup existingLogGroupObj;
    private final LogGroupProps logGroupProps;
    private final QueueProps successfulTransactionsQueueProps;
    private final QueueProps failedTransactionsQueueProps;
    private final QueueProps operatorActionsQueueProps;

    private FareCollectionSagaProps(Builder b) {
        this.chargeFunction = RequiredProp.of(
                b.chargeFunction, "FareCollectionSagaProps.chargeFunction", "the IFunction that charges the card");
        this.creditFunction = RequiredProp.of(
                b.creditFunction,
                "FareCollectionSagaProps.creditFunction",
                "the IFunction that credits the customer account");
        this.refundFunction = RequiredProp.of(
                b.refundFunction, "FareCollectionSagaProps.refundFunction", "the IFunction that refunds a charge");
        this.paymentErrors = b.paymentErrors != null ? List.copyOf(b.paymentErrors) : DEFAULT_PAYMENT_ERRORS;
        this.stateMachineName = b.stateMachineName;
        this.tableRemovalPolicy = b.tableRemovalPolicy;
        this.existingTableObj = b.existingTableObj;
        this.tableProps = b.tableProps;
        this.existingTopicObj = b.existingTopicObj;
        this.topicProps = b.topicProps;
        this.stateMachineType = b.stateMachineType;
        this.timeout = b.timeout;
        this.existingLogGroupObj = b.existingLogGroupObj;
        this.logGroupProps = b.logGroupProps;
        this.successfulTransactionsQueueProps = b.successfulTransactionsQueueProps;
        this.failedTransactionsQueueProps = b.failedTransactionsQueueProps;
        this.operatorActionsQueueProps = b.operatorActionsQueueProps;
    }

    /**
     * Starts the settings of a {@link FareCollectionSaga}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Pre-authorises and charges the card. Gets the execution's input (card fields included); must return
     * {@code customerId, fareId, fareAmount, chargeId}. Required.
     *
     * @return the charge function, never null
     */
    public IFunction getChargeFunction() {
        return chargeFunction;
    }

    /**
     * Credits the customer's account; gets {@code customerId, chargeId}. Required.
     *
     * @return the credit function, never null
     */
    public IFunction getCreditFunction() {
        return creditFunction;
    }

    /**
     * Refunds a charge; gets {@code fareId, chargeId, customerId}; returns {@code refundId}. Required.
     *
     * @return the refund function, never null
     */
    public IFunction getRefundFunction() {
        return refundFunction;
    }

    /**
     * Errors of the charge function after which the fare is marked failed: a Java function reports an
     * exception by its fully qualified class name. Default: {@link #DEFAULT_PAYMENT_ERRORS}.
     *
     * @return an unmodifiable list of the error names given, or the defaults; never null
     */
    public List<String> getPaymentErrors() {
        return paymentErrors;
    }

    /**
     * The state machine's name; it also names the execution log group. Must be unique in its account
     * and region: {@link com.wildrydes.constructs.WildRydesChecks}, applied to the app, refuses two
     * state machines of one name at synthesis. Default: generated by CloudFormation.
     *
     * @return the name given, or null for a generated one
     */
    public String getStateMachineName() {
        return stateMachineName;
    }

    /**
     * What happens to the Fares table when the stack is deleted. Default: RETAIN (never lose data by
     * accident).
     *
     * @return the policy given, or null for RETAIN
     */
    public RemovalPolicy getTableRemovalPolicy() {
        return tableRemovalPolicy;
    }

    /**
     * Your Fares table, used as it is instead of a new one: partition key {@code fareId} (string), no
     * sort key; the saga writes and updates its items, and is granted that. Not with
     * {@code tableProps} or {@code tableRemovalPolicy}. Default: none (a new table).
     *
     * @return the table given, or null
     */
    public ITable getExistingTableObj() {
        return existingTableObj;
    }

    /**
     * Props of the Fares table the saga creates, every option of aws-cdk-lib's {@code TableProps} over
     * its defaults (on-demand, AWS managed key, point-in-time recovery, retained). The partition key
     * must be {@code fareId} (string) with no sort key; point-in-time recovery turned off is refused.
     * Not with {@code existingTableObj}. Default: none.
     *
     * @return the props given, or null
     */
    public TableProps getTableProps() {
        return tableProps;
    }

    /**
     * Your fare-processing topic, used as it is instead of a new one: a standard topic; if a key
     * encrypts it ({@code getMasterKey()}), the state machine is granted that key. Not with
     * {@code topicProps}. Default: none (a new topic, encrypted with a new rotating key, TLS only).
     *
     * @return the topic given, or null
     */
    public ITopic getExistingTopicObj() {
        return existingTopicObj;
    }

    /**
     * Props of the fare-processing topic the saga creates, every option of aws-cdk-lib's
     * {@code TopicProps} over its defaults (a new rotating key, TLS only). Your {@code masterKey}
     * replaces the new key; {@code enforceSSL} false and a FIFO topic are refused. Not with
     * {@code existingTopicObj}. Default: none.
     *
     * @return the props given, or null
     */
    public TopicProps getTopicProps() {
        return topicProps;
    }

    /**
     * STANDARD or EXPRESS. Default: STANDARD (each execution recorded, exactly once). An EXPRESS
     * saga is refused with a {@code timeout} over 5 minutes, Express's limit.
     *
     * @return the type given, or null for STANDARD
     */
    public StateMachineType getStateMachineType() {
        return stateMachineType;
    }

    /**
     * How long an execution may run before Step Functions stops it (the unfinished-executions alarm
     * fires). Default: 5 minutes.
     *
     * @return the timeout given, or null for 5 minutes
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Your log group for the executions' logs instead of a new one. The saga's unexpected-failures
     * alarm reads it through a metric filter. Not with {@code logGroupProps}. Default: none (a new log
     * group kept one month).
     *
     * @return the log group given, or null
     */
    public ILogGroup getExistingLogGroupObj() {
        return existingLogGroupObj;
    }

    /**
     * Props of the execution log group the saga creates, every option of aws-cdk-lib's
     * {@code LogGroupProps} over its defaults (a name Step Functions' log delivery accepts, one month's
     * retention). Not with {@code existingLogGroupObj}. Default: none.
     *
     * @return the props given, or null
     */
    public LogGroupProps getLogGroupProps() {
        return logGroupProps;
    }

    /**
     * Props of the successful transactions queue (the saga's child {@code SuccessfulTransactions}, a {@code TopicQueueChain} without a consumer), every
     * option of aws-cdk-lib's {@code QueueProps} over its defaults (encrypted, TLS only, kept 14 days, a
     * dead-letter queue after 5 receives); no encryption, an AWS managed key, {@code enforceSSL} false,
     * FIFO or a dead-letter queue of its own are refused; a retention at most the unread notification alarm's 10 days is refused (nothing in the saga reads the
     * queue, so the alarm must fire before SQS drops a message). Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getSuccessfulTransactionsQueueProps() {
        return successfulTransactionsQueueProps;
    }

    /**
     * Props of the failed transactions queue (the saga's child {@code FailedTransactions}, a {@code TopicQueueChain} without a consumer), every
     * option of aws-cdk-lib's {@code QueueProps} over its defaults (encrypted, TLS only, kept 14 days, a
     * dead-letter queue after 5 receives); no encryption, an AWS managed key, {@code enforceSSL} false,
     * FIFO or a dead-letter queue of its own are refused; a retention at most the unread notification alarm's 10 days is refused (nothing in the saga reads the
     * queue, so the alarm must fire before SQS drops a message). Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getFailedTransactionsQueueProps() {
        return failedTransactionsQueueProps;
    }

    /**
     * Props of the operator actions queue (the saga's child {@code OperatorActions}, a {@code TopicQueueChain} without a consumer), every
     * option of aws-cdk-lib's {@code QueueProps} over its defaults (encrypted, TLS only, kept 14 days, a
     * dead-letter queue after 5 receives); no encryption, an AWS managed key, {@code enforceSSL} false,
     * FIFO or a dead-letter queue of its own are refused. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getOperatorActionsQueueProps() {
        return operatorActionsQueueProps;
    }

    /**
     * Builds {@link FareCollectionSagaProps}: set the required props; any prop not set takes its default.
     */
    public static final class Builder {
        private IFunction chargeFunction;
        private IFunction creditFunction;
        private IFunction refundFunction;
        private List<String> paymentErrors;
        private String stateMachineName;
        private RemovalPolicy tableRemovalPolicy;
        private ITable existingTableObj;
        private TableProps tableProps;
        private ITopic existingTopicObj;
        private TopicProps topicProps;
        private StateMachineType stateMachineType;
        private Duration timeout;
        private ILogGroup existingLogGroupObj;
        private LogGroupProps logGroupProps;
        private QueueProps successfulTransactionsQueueProps;
        private QueueProps failedTransactionsQueueProps;
        private QueueProps operatorActionsQueueProps;

        /**
         * Sets {@link FareCollectionSagaProps#getChargeFunction()}.
         *
         * @param chargeFunction the function that pre-authorises and charges the card
         * @return this builder
         */
        public Builder chargeFunction(IFunction chargeFunction) {
            this.chargeFunction = chargeFunction;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getCreditFunction()}.
         *
         * @param creditFunction the function that credits the customer's account
         * @return this builder
         */
        public Builder creditFunction(IFunction creditFunction) {
            this.creditFunction = creditFunction;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getRefundFunction()}.
         *
         * @param refundFunction the function that refunds a charge
         * @return this builder
         */
        public Builder refundFunction(IFunction refundFunction) {
            this.refundFunction = refundFunction;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getPaymentErrors()}.
         *
         * @param paymentErrors the error names after which the fare is marked failed, at least one
         * @return this builder
         */
        public Builder paymentErrors(List<String> paymentErrors) {
            this.paymentErrors = paymentErrors;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getStateMachineName()}.
         *
         * @param stateMachineName the state machine's name
         * @return this builder
         */
        public Builder stateMachineName(String stateMachineName) {
            this.stateMachineName = stateMachineName;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getTableRemovalPolicy()}.
         *
         * @param tableRemovalPolicy what happens to the Fares table when the stack is deleted
         * @return this builder
         */
        public Builder tableRemovalPolicy(RemovalPolicy tableRemovalPolicy) {
            this.tableRemovalPolicy = tableRemovalPolicy;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getExistingTableObj()}.
         *
         * @param existingTableObj your table, keyed by the string {@code fareId}
         * @return this builder
         */
        public Builder existingTableObj(ITable existingTableObj) {
            this.existingTableObj = existingTableObj;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getTableProps()}.
         *
         * @param tableProps the new table's props
         * @return this builder
         */
        public Builder tableProps(TableProps tableProps) {
            this.tableProps = tableProps;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getExistingTopicObj()}.
         *
         * @param existingTopicObj your standard topic
         * @return this builder
         */
        public Builder existingTopicObj(ITopic existingTopicObj) {
            this.existingTopicObj = existingTopicObj;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getTopicProps()}.
         *
         * @param topicProps the new topic's props
         * @return this builder
         */
        public Builder topicProps(TopicProps topicProps) {
            this.topicProps = topicProps;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getStateMachineType()}.
         *
         * @param stateMachineType the state machine's type
         * @return this builder
         */
        public Builder stateMachineType(StateMachineType stateMachineType) {
            this.stateMachineType = stateMachineType;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getTimeout()}.
         *
         * @param timeout the execution timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getExistingLogGroupObj()}.
         *
         * @param existingLogGroupObj your log group
         * @return this builder
         */
        public Builder existingLogGroupObj(ILogGroup existingLogGroupObj) {
            this.existingLogGroupObj = existingLogGroupObj;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getLogGroupProps()}.
         *
         * @param logGroupProps the new log group's props
         * @return this builder
         */
        public Builder logGroupProps(LogGroupProps logGroupProps) {
            this.logGroupProps = logGroupProps;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getSuccessfulTransactionsQueueProps()}.
         *
         * @param successfulTransactionsQueueProps the props of the successful transactions queue
         * @return this builder
         */
        public Builder successfulTransactionsQueueProps(QueueProps successfulTransactionsQueueProps) {
            this.successfulTransactionsQueueProps = successfulTransactionsQueueProps;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getFailedTransactionsQueueProps()}.
         *
         * @param failedTransactionsQueueProps the props of the failed transactions queue
         * @return this builder
         */
        public Builder failedTransactionsQueueProps(QueueProps failedTransactionsQueueProps) {
            this.failedTransactionsQueueProps = failedTransactionsQueueProps;
            return this;
        }

        /**
         * Sets {@link FareCollectionSagaProps#getOperatorActionsQueueProps()}.
         *
         * @param operatorActionsQueueProps the props of the operator actions queue
         * @return this builder
         */
        public Builder operatorActionsQueueProps(QueueProps operatorActionsQueueProps) {
            this.operatorActionsQueueProps = operatorActionsQueueProps;
            return this;
        }

        /**
         * Builds the props, checking that the three functions are given; the construct checks the rest at
         * synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public FareCollectionSagaProps build() {
            return new FareCollectionSagaProps(this);
        }
    }
}
