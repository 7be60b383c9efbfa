package com.wildrydes.lambdas.common;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Primes a handler's SDK clients before Lambda SnapStart takes its snapshot, so that the first
 * request after each restore does not pay for loading and initialising the SDK's request path.
 * <p>
 * A handler registers, from the constructor the Lambda runtime calls, one primer per collaborator
 * holding a client; each primer makes the collaborator's own requests (built by the same code as
 * its real ones) over {@link #dryRun(SdkClient, Class) a view of the client} that sends each
 * request, marshalled and signed by the real client and carried by its real HTTP client, to a
 * {@link PrimingEndpoint} on the loopback interface that answers an empty success, which the SDK
 * then unmarshals. So priming calls no AWS API: it needs no IAM permission beyond what the function
 * has, leaves no denied call in CloudTrail, and cannot change a table, topic or queue. A request
 * addressed anywhere else is stopped before it is sent. Whatever a primer throws is logged and
 * swallowed: priming never fails the snapshot.
 * <p>
 * SnapStart calls {@link #beforeCheckpoint} through CRaC's global context. Priming runs only
 * there, not in init: without SnapStart the work would only move from the first request into the
 * init phase. Outside a CRaC JVM (tests, benches) {@link #primeRegistered()} or a registered
 * resource's {@code beforeCheckpoint} runs the same priming.
 */
public final class SnapStartPriming implements Resource {

    /** Held strongly here: a CRaC context may hold its resources only weakly. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    /** Open only while {@link #prime()} runs; closed before the snapshot, so no socket is kept in it. */
    private static volatile PrimingEndpoint endpoint;

    /** One of a handler's collaborators priming its client, with requests made through {@link #dryRun(SdkClient, Class)}. */
    @FunctionalInterface
    public interface Primer {
        void prime();
    }

    private final String owner;
    private final List<Primer> primers;

    private SnapStartPriming(String owner, List<Primer> primers) {
        this.owner = owner;
        this.primers = primers;
    }

    /** Registers the handler's primers with CRaC's global context, which SnapStart runs before the snapshot. */
    public static SnapStartPriming register(Class<?> handler, Primer... primers) {
        SnapStartPriming priming = new SnapStartPriming(handler.getSimpleName(), List.of(primers));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Every registered priming run now, as SnapStart's checkpoint would run it; for JVMs without CRaC. */
    public static void primeRegistered() {
        REGISTERED.forEach(SnapStartPriming::prime);
    }

    /** The priming registered in this class loader, in registration order, as CRaC's context holds it. */
    public static List<SnapStartPriming> registered() {
        return List.copyOf(REGISTERED);
    }

    /** The simple name of the handler that registered this priming. */
    public String handler() {
        return owner;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the clients hold no connection opened during priming.
    }

    /**
     * Runs each primer against a fresh loopback endpoint, then logs that the handler is primed (which
     * primes the log line's path too); a failure is logged, never thrown.
     */
    public void prime() {
        synchronized (SnapStartPriming.class) {
            try (PrimingEndpoint open = PrimingEndpoint.open()) {
                endpoint = open;
                int failed = 0;
                for (Primer primer : primers) {
                    try {
                        each(primer).prime();
                    } catch (RuntimeException e) {
                        failed++;
                        StructuredLog.error(
                                "priming-failed",
                                Map.of(
                                        "handler",
                                        owner,
                                        "errorType",
                                        e.getClass().getName(),
                                        "error",
                                        String.valueOf(e.getMessage())));
                    }
                }
                StructuredLog.info("primed", Map.of("handler", owner, "primers", primers.size(), "failed", failed));
            } catch (RuntimeException e) {
                StructuredLog.error("priming-failed", Map.of("handler", owner, "error", String.valueOf(e)));
            } finally {
                endpoint = null;
            }
        }
    }

    /**
     * A view of {@code client} for priming: every request made through it goes to the real client
     * (its configuration, credentials, signer, marshallers, HTTP client) addressed, for that request
     * only, to the loopback {@link PrimingEndpoint}. A collaborator built over this view makes its
     * real requests, from its own code, without calling AWS. Outside {@link #prime()} there is no
     * endpoint, and each request is stopped before it is sent.
     */
    public static <C extends SdkClient> C dryRun(C client, Class<C> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof AwsRequest request) {
                return forward(client, method, dryRun(request));
            }
            // The consumer-builder forms build the request, then call the form above on this view.
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return forward(client, method, args);
        }));
    }

    /**
     * Runs each priming request on its own, so that one failed request does not skip the next;
     * ends with the first failure, if any.
     */
    public static Primer each(Primer... requests) {
        return () -> {
            RuntimeException failure = null;
            for (Primer request : requests) {
                try {
                    request.prime();
                } catch (RuntimeException e) {
                    failure = failure != null ? failure : e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        };
    }

    private static AwsRequest dryRun(AwsRequest request) {
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        PrimingEndpoint target = endpoint;
        override.addPlugin(config -> {
            if (target != null) {
                config.endpointOverride(target.uri());
            }
            config.overrideConfiguration(client -> client.addExecutionInterceptor(new OnlyTo(target)));
        });
        return (AwsRequest)
                request.toBuilder().overrideConfiguration(override.build()).build();
    }

    private static Object forward(Object client, Method method, Object... args) throws Throwable {
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Lets a priming request through only to the priming endpoint; stops it before it is sent anywhere else. */
    private record OnlyTo(PrimingEndpoint target) implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(
                software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                ExecutionAttributes executionAttributes) {
            if (target == null || !target.isFor(context.httpRequest().getUri())) {
                throw new IllegalStateException(
                        "a priming request to " + context.httpRequest().host() + " was stopped before it was sent");
            }
        }
    }
}
