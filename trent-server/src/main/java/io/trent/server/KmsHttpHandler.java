package io.trent.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.trent.authz.KmsOperation;
import io.trent.kms.Invocation;
import io.trent.kms.KmsException;
import io.trent.kms.KmsService;
import io.trent.server.auth.RequestAuthenticator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;

/**
 * The AWS JSON 1.1 protocol for one connection: {@code POST /} with {@code X-Amz-Target: TrentService.<Operation>},
 * SigV4 authentication, a JSON object body, and a JSON response or {@code {"__type": ..., "message": ...}} error,
 * each with an {@code x-amzn-RequestId} header. Responses go out in request order: while an operation runs on the
 * worker pool, later requests of the same connection wait.
 */
final class KmsHttpHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(KmsHttpHandler.class.getName());
    private static final String TARGET_PREFIX = "TrentService.";
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("application/x-amz-json-1.1");
    private static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final KmsService kms;
    private final RequestAuthenticator authenticator;
    private final Executor workers;
    private final boolean secureTransport;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    /** @param secureTransport the connection is TLS (an SslHandler precedes this handler) */
    KmsHttpHandler(KmsService kms, RequestAuthenticator authenticator, Executor workers, boolean secureTransport) {
        this.kms = kms;
        this.authenticator = authenticator;
        this.workers = workers;
        this.secureTransport = secureTransport;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        handle(ctx, request);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = RequestIds.next();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        try {
            if (!request.decoderResult().isSuccess())
                throw RequestException.serialization("Malformed HTTP request");
            KmsOperation operation = operation(request);
            RequestAuthenticator.Authenticated who = authenticator.authenticate(request.method().name(),
                    request.uri(), request.headers(), request.content(), remoteIp(ctx.channel().remoteAddress()),
                    secureTransport);
            JsonNode body = parse(request.content());
            Invocation invocation = new Invocation(who.caller(), who.transport(), requestId);
            if (Operations.INLINE.contains(operation)) {
                write(ctx, success(ctx, call(operation, body, invocation), requestId), keepAlive);
                return;
            }
            busy = true;
            workers.execute(() -> {
                FullHttpResponse response = null;
                try {
                    response = success(ctx, call(operation, body, invocation), requestId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
                    response = error(ctx, "KMSInternalException", "An internal error occurred", requestId);
                } finally {
                    // Even after an Error the connection must not wait forever: without a response it is closed.
                    FullHttpResponse done = response;
                    ctx.executor().execute(() -> {
                        busy = false;
                        if (done == null) {
                            ctx.close();
                            return;
                        }
                        write(ctx, done, keepAlive);
                        drain(ctx);
                    });
                }
            });
        } catch (RequestException e) {
            write(ctx, error(ctx, e.errorCode(), e.getMessage(), requestId), keepAlive);
        } catch (RejectedExecutionException e) {
            busy = false;
            write(ctx, error(ctx, "ThrottlingException", "Rate exceeded", requestId), keepAlive);
        } finally {
            request.release();
        }
    }

    private void drain(ChannelHandlerContext ctx) {
        while (!busy && !waiting.isEmpty() && ctx.channel().isActive()) handle(ctx, waiting.poll());
        if (waiting.isEmpty()) ctx.channel().config().setAutoRead(true);
    }

    /** Runs the operation; a failure of any kind becomes the error response, never an exception. */
    private Result call(KmsOperation operation, JsonNode body, Invocation invocation) {
        try {
            return new Result(kms.call(operation.name(), body, invocation), null, null);
        } catch (KmsException e) {
            if (e instanceof KmsException.Internal)
                LOG.log(System.Logger.Level.ERROR, "request " + invocation.requestId() + " (" + operation + ") failed",
                        e.getCause() != null ? e.getCause() : e);
            return new Result(null, e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + invocation.requestId() + " (" + operation + ") failed", e);
            return new Result(null, "KMSInternalException", "An internal error occurred. Request ID: "
                    + invocation.requestId());
        }
    }

    private record Result(JsonNode body, String errorCode, String message) {}

    private static FullHttpResponse success(ChannelHandlerContext ctx, Result r, String requestId) {
        return r.body != null ? response(ctx, HttpResponseStatus.OK, r.body, requestId)
                : error(ctx, r.errorCode, r.message, requestId);
    }

    /** The operation named by X-Amz-Target, after checking method, path and content type. */
    private static KmsOperation operation(FullHttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (request.method() != HttpMethod.POST || !path.equals("/"))
            throw RequestException.unknownOperation("Only POST / is served (the AWS JSON 1.1 protocol)");
        HttpHeaders h = request.headers();
        String target = h.get("x-amz-target");
        if (target == null)
            throw RequestException.unknownOperation("Missing X-Amz-Target header (TrentService.<Operation>)");
        KmsOperation operation = target.startsWith(TARGET_PREFIX)
                ? KmsOperation.of(target.substring(TARGET_PREFIX.length())) : null;
        if (operation == null)
            throw RequestException.unknownOperation("Unknown operation " + target);
        String contentType = h.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !(contentType.startsWith("application/x-amz-json-1.1")
                || contentType.startsWith("application/x-amz-json-1.0")))
            throw RequestException.unknownOperation("Content-Type must be application/x-amz-json-1.1");
        return operation;
    }

    private static JsonNode parse(ByteBuf content) {
        if (!content.isReadable()) return JsonNodeFactory.instance.objectNode();
        JsonNode node;
        try (ByteBufInputStream in = new ByteBufInputStream(content.duplicate())) {
            node = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw RequestException.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestException.serialization("The request body cannot be read");
        }
        if (node == null || node.isMissingNode()) return JsonNodeFactory.instance.objectNode();
        if (!node.isObject()) throw RequestException.serialization("The request body must be a JSON object");
        return node;
    }

    static FullHttpResponse error(ChannelHandlerContext ctx, String errorCode, String message, String requestId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", errorCode);
        body.put("message", message);
        return response(ctx, ErrorStatus.of(errorCode), body, requestId);
    }

    private static FullHttpResponse response(ChannelHandlerContext ctx, HttpResponseStatus status, JsonNode body,
                                             String requestId) {
        ByteBuf buf = ctx.alloc().buffer(256);
        try (OutputStream out = new ByteBufOutputStream(buf)) {
            JSON.writeValue(out, body);
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw new IllegalStateException("cannot serialize a response", e);
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, buf);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, buf.readableBytes())
                .set(REQUEST_ID, requestId);
        return r;
    }

    static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String remoteIp(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Failed handshakes and plain HTTP on the HTTPS port are the client's business, not the server's.
        if (!(cause instanceof IOException || cause instanceof NotSslRecordException
                || cause.getCause() instanceof SSLException))
            LOG.log(System.Logger.Level.WARNING, "closing a connection after an unexpected error", cause);
        ctx.close();
    }
}
