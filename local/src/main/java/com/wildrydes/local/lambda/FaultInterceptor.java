package com.wildrydes.local.lambda;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The SDK execution interceptor every local function's SDK loads as a global interceptor (the
 * SDK's {@code execution.interceptors} service file, which {@link FunctionClassLoader} adds). This
 * class is defined anew in each function's class loader, against that function's own copy of the
 * SDK; it asks {@link FaultPlan} before each attempt and sends a planned fault's attempt to
 * {@link FaultServer}, whose error answer the SDK then reads as it would AWS's. Without a plan it
 * changes nothing.
 */
public final class FaultInterceptor implements ExecutionInterceptor {

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
