package com.wildrydes.local.lambda;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The SDK execution interceptor every local function's SDK loads as a global interceptor (the
 * SDK's {@code execution.interceptors} service file, which {@link SharedLibrary} adds). This
 * class is defined anew in each {@link SharedLibrary}, against that library's copy of the SDK, and
 * tells the calling function by its thread; it asks {@link FaultPlan} once per call (the SDK modifies
 * a call's HTTP request once, before its retries) and sends a planned fault's call, every attempt of it, to
 * {@link FaultServer}, whose error answer the SDK then reads as it would AWS's. Without a plan it
 * changes nothing. Before each execution it also reports the call and the resources it names to
 * {@link SdkCallLog}, for the IAM check. A call or attempt made after the invocation's timeout
 * ({@link InvocationDeadline}) fails without being sent, as no call leaves a stopped environment.
 * (Its class file alone is copied into each shared library's loader: no nested classes here.)
 */
public final class FaultInterceptor implements ExecutionInterceptor {

    /** The request members that name the resource a call acts on, at any depth (TransactItems too). */
    private static final Set<String> RESOURCE_MEMBERS =
            Set.of("TableName", "IndexName", "TopicArn", "TargetArn", "QueueUrl", "FunctionName", "StateMachineArn");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        refuseAfterTheDeadline();
        Map<String, String> fields = new LinkedHashMap<>();
        collect(context.request(), "", fields, 0);
        SdkCallLog.record(
                getClass(),
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                fields);
    }

    /** Each attempt (the SDK's retries too, after its back-off): one after the deadline is not sent either. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        refuseAfterTheDeadline();
    }

    private static void refuseAfterTheDeadline() {
        String refusal = InvocationDeadline.refusal();
        if (refusal != null) {
            throw SdkClientException.create(refusal);
        }
    }

    /**
     * The resource-naming members of a request, by path ({@code TransactItems[0].Put.TableName});
     * a {@code RequestItems} map (batch operations) by its keys, the table names.
     */
    private static void collect(Object value, String path, Map<String, String> out, int depth) {
        if (!(value instanceof SdkPojo pojo) || depth > 4) {
            return;
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            Object member = field.getValueOrDefault(pojo);
            String name = field.memberName();
            if (member instanceof String text && RESOURCE_MEMBERS.contains(name)) {
                out.put(path + name, text);
            } else if (member instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    collect(list.get(i), path + name + "[" + i + "].", out, depth + 1);
                }
            } else if (member instanceof Map<?, ?> map && name.equals("RequestItems")) {
                for (Object table : map.keySet()) {
                    out.put(path + "RequestItems." + table, table.toString());
                }
            } else if (member instanceof SdkPojo) {
                collect(member, path + name + ".", out, depth + 1);
            }
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        String redirect = FaultPlan.redirectFor(
                getClass(),
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                request.firstMatchingHeader("Content-Type").orElse(null));
        if (redirect == null) {
            return request;
        }
        URI target = URI.create(redirect);
        return request.toBuilder()
                .protocol(target.getScheme())
                .host(target.getHost())
                .port(target.getPort())
                .encodedPath(target.getRawPath())
                .build();
    }
}
