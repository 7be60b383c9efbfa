package com.wildrydes.local.endpoint.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's API (REST-JSON, {@code /2015-03-31/functions/...}) over the running labs' functions:
 * Invoke ({@link Invocations}), and the look-ups the CLI and SDKs make: GetFunction,
 * GetFunctionConfiguration, ListFunctions, GetAlias, ListAliases. A function is named by its name,
 * ARN, alias ARN, {@code name:alias} or a {@code Qualifier}.
 */
public final class LambdaService implements AwsService {

    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
    private static final Pattern FUNCTION = Pattern.compile("^/2015-03-31/functions/([^/]+)(/configuration)?/?$");
    private static final Pattern ALIAS = Pattern.compile("^/2015-03-31/functions/([^/]+)/aliases/([^/]+)/?$");
    private static final Pattern ALIASES = Pattern.compile("^/2015-03-31/functions/([^/]+)/aliases/?$");
    private static final Pattern LIST = Pattern.compile("^/2015-03-31/functions/?$");
    private static final Set<String> OPERATIONS =
            Set.of("Invoke", "GetFunction", "GetFunctionConfiguration", "ListFunctions", "GetAlias", "ListAliases");

    private final Functions functions;
    private final Invocations invocations;

    public LambdaService(Supplier<List<LocalLab>> labs) {
        this.functions = new Functions(labs);
        this.invocations = new Invocations();
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String path = request.path();
        String qualifier = request.query().get("Qualifier");
        Matcher matcher;
        if (request.method().equals("POST") && (matcher = INVOKE.matcher(path)).matches()) {
            return invocations.invoke(functions.resolve(decode(matcher.group(1)), qualifier), request);
        }
        if (request.method().equals("GET")) {
            if (LIST.matcher(path).matches()) {
                return listFunctions();
            }
            if ((matcher = ALIAS.matcher(path)).matches()) {
                return ok(functions.alias(decode(matcher.group(1)), decode(matcher.group(2))));
            }
            if ((matcher = ALIASES.matcher(path)).matches()) {
                Functions.Resolved function = functions.resolve(decode(matcher.group(1)), null);
                ObjectNode answer = AwsResponse.object();
                ArrayNode aliases = answer.putArray("Aliases");
                for (String alias : function.lab().aliases(function.function().name())) {
                    aliases.add(functions.alias(function.function().name(), alias));
                }
                return ok(answer);
            }
            if ((matcher = FUNCTION.matcher(path)).matches()) {
                Functions.Resolved function = functions.resolve(decode(matcher.group(1)), qualifier);
                ObjectNode configuration = functions.configuration(function);
                if (matcher.group(2) != null) {
                    return ok(configuration);
                }
                ObjectNode answer = AwsResponse.object();
                answer.set("Configuration", configuration);
                answer.putObject("Code").put("RepositoryType", "S3").put("Location", function.codeLocation());
                answer.putObject("Tags");
                return ok(answer);
            }
        }
        throw AwsError.notServed("Lambda", request.method() + " " + path, OPERATIONS);
    }

    private AwsResponse listFunctions() {
        ObjectNode answer = AwsResponse.object();
        ArrayNode listed = answer.putArray("Functions");
        functions.all().forEach(function -> listed.add(functions.configuration(function)));
        return ok(answer);
    }

    private static AwsResponse ok(ObjectNode body) {
        return AwsResponse.json(200, Protocol.REST_JSON.contentType(), body);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
