package com.wildrydes.constructs.functions;

import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.QualifiedFunctionBase;
import software.constructs.Construct;

/**
 * An {@link IFunction} that stands for the alias it publishes ({@link #getAlias()}): CDK's own
 * qualified-function base gives it every integration (permissions, grants, event sources,
 * asynchronous invocation), all on that alias's ARN and qualifier. Built on CDK's class rather than
 * on the interface because CDK calls these methods from its own code, which a plain Java
 * implementation of the interface cannot serve for every argument.
 */
abstract class LiveAliasFunction extends QualifiedFunctionBase {

    private IPrincipal grantPrincipal;

    LiveAliasFunction(Construct scope, String id) {
        super(scope, id);
    }

    /**
     * The alias every caller reaches: this function's ARN, name, permissions and metrics are the alias's.
     *
     * @return the alias
     */
    public abstract Alias getAlias();

    /**
     * The unpublished function behind the alias, whose role, architecture and principal this function
     * shares.
     *
     * @return the function
     */
    public abstract Function getFunction();

    @Override
    public IFunction getLambda() {
        return getFunction();
    }

    @Override
    protected String getQualifier() {
        return getAlias().getAliasName();
    }

    @Override
    public String getFunctionArn() {
        return getAlias().getFunctionArn();
    }

    @Override
    public String getFunctionName() {
        return getAlias().getFunctionName();
    }

    @Override
    public Architecture getArchitecture() {
        return getFunction().getArchitecture();
    }

    @Override
    protected Boolean getCanCreatePermissions() {
        return true;
    }

    @Override
    public IPrincipal getGrantPrincipal() {
        // The function's role, fixed once the function exists. CDK's grants read it several times per
        // grant, each a callback from the jsii kernel; asked of the kernel once, not on every callback.
        if (grantPrincipal == null) {
            grantPrincipal = getFunction().getGrantPrincipal();
        }
        return grantPrincipal;
    }

    @Override
    public IRole getRole() {
        return getFunction().getRole();
    }

    /** The alias's metrics: CloudWatch names a version's by the function and the alias (Resource). */
    @Override
    public Metric metric(String metricName, MetricOptions props) {
        return getAlias().metric(metricName, props);
    }

    @Override
    public Metric metric(String metricName) {
        return getAlias().metric(metricName);
    }

    @Override
    public Metric metricDuration(MetricOptions props) {
        return getAlias().metricDuration(props);
    }

    @Override
    public Metric metricDuration() {
        return getAlias().metricDuration();
    }

    @Override
    public Metric metricErrors(MetricOptions props) {
        return getAlias().metricErrors(props);
    }

    @Override
    public Metric metricErrors() {
        return getAlias().metricErrors();
    }

    @Override
    public Metric metricInvocations(MetricOptions props) {
        return getAlias().metricInvocations(props);
    }

    @Override
    public Metric metricInvocations() {
        return getAlias().metricInvocations();
    }

    @Override
    public Metric metricThrottles(MetricOptions props) {
        return getAlias().metricThrottles(props);
    }

    @Override
    public Metric metricThrottles() {
        return getAlias().metricThrottles();
    }
}
