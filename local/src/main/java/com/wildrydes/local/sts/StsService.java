package com.wildrydes.local.sts;

import static com.wildrydes.local.endpoint.Xml.element;

import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import com.wildrydes.local.endpoint.Xml;
import com.wildrydes.local.template.LocalIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STS as the CDK CLI uses it: GetCallerIdentity (which account and region a stack without an
 * environment deploys to) and AssumeRole of the roles the bootstrap stack created; a role that does
 * not exist is refused with AccessDenied, as AWS refuses it, so the CLI says the environment is not
 * bootstrapped.
 */
public final class StsService implements AwsService {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String CALLER = "arn:aws:iam::" + LocalIds.ACCOUNT + ":user/local";

    private final Roles roles;
    private final Map<String, String> assumedRoleByAccessKey = new ConcurrentHashMap<>();

    public StsService(Roles roles) {
        this.roles = roles;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String action = request.param("Action");
        return switch (String.valueOf(action)) {
            case "GetCallerIdentity" -> {
                String arn = assumedRoleByAccessKey.getOrDefault(request.accessKeyId(), CALLER);
                yield Xml.queryResult(
                        "GetCallerIdentity",
                        NAMESPACE,
                        element("Arn", arn) + element("UserId", "AIDALOCAL") + element("Account", LocalIds.ACCOUNT));
            }
            case "AssumeRole" -> assumeRole(request);
            default ->
                throw new AwsError(
                        400,
                        "InvalidAction",
                        "Local STS does not serve " + action + "; it serves GetCallerIdentity and AssumeRole");
        };
    }

    private AwsResponse assumeRole(AwsRequest request) {
        String roleArn = request.param("RoleArn");
        String session = request.param("RoleSessionName");
        if (roleArn == null || session == null) {
            throw new AwsError(400, "ValidationError", "AssumeRole needs RoleArn and RoleSessionName");
        }
        if (!roles.exists(roleArn)) {
            throw new AwsError(
                    403,
                    "AccessDenied",
                    "User: " + CALLER + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String accessKey = "ASIA"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String assumedArn = "arn:aws:sts::" + LocalIds.ACCOUNT + ":assumed-role/" + roleName + "/" + session;
        assumedRoleByAccessKey.put(accessKey, assumedArn);
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return Xml.queryResult(
                "AssumeRole",
                NAMESPACE,
                "<Credentials>" + element("AccessKeyId", accessKey)
                        + element("SecretAccessKey", "local")
                        + element("SessionToken", "local-session-" + accessKey)
                        + element("Expiration", expires) + "</Credentials>"
                        + "<AssumedRoleUser>" + element("AssumedRoleId", "AROALOCAL:" + session)
                        + element("Arn", assumedArn) + "</AssumedRoleUser>");
    }
}
