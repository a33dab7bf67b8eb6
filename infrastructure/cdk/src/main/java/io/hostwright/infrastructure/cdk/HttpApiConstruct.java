package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Trigger;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.List;

/**
 * The one HTTP API: every manifest route to its function, behind the JWT authorizer unless the route is public, with
 * the route's required scope (staff: {@code admin}) enforced by API Gateway before the function runs.
 */
public final class HttpApiConstruct extends Construct {

    static final String IDENTITY_SOURCE = "$request.header.Authorization";

    /** HTTP API context variables only; the REST API's standard fields are not all valid here. */
    private static final String ACCESS_LOG_FORMAT = """
            {"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime",\
            "routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol",\
            "responseLength":"$context.responseLength","latency":"$context.responseLatency",\
            "authorizerError":"$context.authorizer.error","integrationError":"$context.integrationErrorMessage"}""";

    private final HttpApi api;
    private final HttpStage stage;

    public HttpApiConstruct(Construct scope, String id, StackDefinition definition, DeploymentSettings settings,
                            FunctionsConstruct functions) {
        super(scope, id);
        HttpApi.Builder apiBuilder = HttpApi.Builder.create(this, "Api")
                .description("Hostwright storefront and admin API")
                .createDefaultStage(false);
        if (!settings.corsAllowOrigins().isEmpty()) {
            apiBuilder.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(settings.corsAllowOrigins())
                    .allowHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"))
                    .allowMethods(List.of(CorsHttpMethod.ANY))
                    .build());
        }
        api = apiBuilder.build();
        stage = defaultStage(settings);

        HttpJwtAuthorizer jwt = HttpJwtAuthorizer.Builder.create("JwtAuthorizer", settings.jwtIssuer())
                .jwtAudience(List.of(settings.jwtAudience()))
                .identitySource(List.of(IDENTITY_SOURCE))
                .build();
        for (FunctionSpec spec : definition.functions()) {
            if (spec.trigger() instanceof Trigger.HttpApi http) {
                HttpLambdaIntegration integration = new HttpLambdaIntegration(
                        ConstructIds.pascal(spec.name()) + "Integration", functions.function(spec.name()));
                for (HttpRoute route : http.routes()) {
                    addRoute(route, integration, jwt);
                }
            }
        }
    }

    public String url() {
        return stage.getUrl();
    }

    private void addRoute(HttpRoute route, HttpLambdaIntegration integration, HttpJwtAuthorizer jwt) {
        AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                .path(route.path())
                .methods(List.of(HttpMethod.valueOf(route.method())))
                .integration(integration);
        IHttpRouteAuthorizer authorizer = route.access().needsToken() ? jwt : new HttpNoneAuthorizer();
        options.authorizer(authorizer);
        if (route.access().requiredScope() != null) {
            options.authorizationScopes(List.of(route.access().requiredScope()));
        }
        var added = api.addRoutes(options.build());
        if (route.access() == Access.PUBLIC) {
            added.forEach(AcceptedNagFindings::publicRoute);
        }
    }

    private HttpStage defaultStage(DeploymentSettings settings) {
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogs);
        return HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.apiRateLimit())
                        .burstLimit(settings.apiBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
    }
}
