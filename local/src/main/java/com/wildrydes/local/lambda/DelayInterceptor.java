package com.wildrydes.local.lambda;

import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The SDK execution interceptor, loaded like {@link FaultInterceptor} in every local function's SDK,
 * that puts the {@code DelaySeconds} of each SQS message a function sends on local mode's time
 * scale ({@link SentMessageDelays}), as the queues' own delays and visibility timeouts are: lab 3's
 * deadline message then arrives as much sooner as everything else does, with the template unchanged.
 * It reads the request's fields by name, so that it needs no SQS model class in the function's jar.
 */
public final class DelayInterceptor implements ExecutionInterceptor {

    private static final String DELAY_SECONDS = "DelaySeconds";

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Optional<Integer> delay = request.getValueForField(DELAY_SECONDS, Integer.class);
        if (delay.isEmpty()) {
            return request;
        }
        int scaled = SentMessageDelays.scaled(getClass(), delay.get());
        if (scaled == delay.get()) {
            return request;
        }
        SdkRequest.Builder builder = request.toBuilder();
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals(DELAY_SECONDS)) {
                field.set(builder, scaled);
            }
        }
        return builder.build();
    }
}
