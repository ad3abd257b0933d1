package coaching.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies are at most {@code ledger.http.max-body-size} (256 KB): the largest command, a note or
 * an update of 20,000 characters, fits many times. A body declared larger is answered 413 before
 * authentication and before anything of it is read; one sent without a length (chunked) is counted
 * as it is read and ends in 413 the moment it passes the limit. The JSON parser's own limits match.
 * Written here because neither Tomcat nor Spring limits a JSON body (Tomcat only form posts).
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyLimit {

    /** The API's deepest body is two levels ({@code certifications[].body}); generous, but far from a stack. */
    static final int MAX_NESTING_DEPTH = 32;
    /** The longest number the API takes is an amount; more digits only cost parsing time. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Longer than any property name of the API. */
    static final int MAX_NAME_LENGTH = 256;

    static final String PARSER_LIMITS = "the body nests deeper than " + MAX_NESTING_DEPTH + " levels, or has a number"
            + " longer than " + MAX_NUMBER_LENGTH + " characters or a property name longer than " + MAX_NAME_LENGTH;

    private final long maxBytes;

    RequestBodyLimit(@Value("${ledger.http.max-body-size}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    /** After the correlation id (so a 413 carries one), before Spring Security authenticates anyone. */
    @Bean
    BodySizeFilter requestBodySizeFilter(ProblemResponses problems) {
        return new BodySizeFilter(maxBytes, problems);
    }

    /** The mapper that reads request bodies stops at the same size, and at a sane depth and number length. */
    @Bean
    JsonFactoryBuilderCustomizer requestBodyReadConstraints() {
        int maxChars = (int) Math.min(maxBytes, Integer.MAX_VALUE);
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes)
                .maxStringLength(maxChars)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }

    static final class BodySizeFilter extends OncePerRequestFilter implements Ordered {

        private final long maxBytes;
        private final ProblemResponses problems;

        BodySizeFilter(long maxBytes, ProblemResponses problems) {
            this.maxBytes = maxBytes;
            this.problems = problems;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > maxBytes) {
                // sent before Tomcat discards the unread rest (at most max-swallow-size, then it closes)
                response.setHeader(HttpHeaders.CONNECTION, "close");
                problems.write(
                        request,
                        response,
                        HttpStatus.CONTENT_TOO_LARGE,
                        TooLarge.TITLE,
                        TooLarge.detail(maxBytes),
                        false);
                response.flushBuffer();
                return;
            }
            chain.doFilter(declared >= 0 ? request : new Counted(request, maxBytes), response);
        }
    }

    /** A body without a declared length, failing as soon as more than {@code maxBytes} were read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final ServletInputStream body;

        Counted(HttpServletRequest request, long maxBytes) throws IOException {
            super(request);
            this.body = new CountingStream(request.getInputStream(), maxBytes);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(body, charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /**
     * Thrown out of the body while a converter reads it; unchecked so the JSON parser passes it on
     * unchanged, and an {@link ErrorResponseException} so the problem-details advice answers with it.
     */
    static final class TooLarge extends ErrorResponseException {

        static final String TITLE = "Content too large";

        TooLarge(long maxBytes) {
            super(
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, TITLE, detail(maxBytes)),
                    null);
        }

        static String detail(long maxBytes) {
            return "a request body may have at most " + maxBytes + " bytes";
        }
    }
}
