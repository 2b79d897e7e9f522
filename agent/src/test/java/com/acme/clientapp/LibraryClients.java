package com.acme.clientapp;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import java.nio.charset.StandardCharsets;

/** Clients from libraries: Apache HttpClient 5 and 4, OkHttp, Spring's RestTemplate, RestClient and WebClient. */
final class LibraryClients {

    private LibraryClients() {
    }

    static Client apache5() {
        org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
                org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();
        return url -> client.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url),
                response -> response.getCode() + " "
                        + org.apache.hc.core5.http.io.entity.EntityUtils.toString(response.getEntity()));
    }

    static Client apache4() {
        org.apache.http.impl.client.CloseableHttpClient client = org.apache.http.impl.client.HttpClients.createDefault();
        return url -> {
            try (org.apache.http.client.methods.CloseableHttpResponse response =
                         client.execute(new org.apache.http.client.methods.HttpGet(url))) {
                return response.getStatusLine().getStatusCode() + " "
                        + org.apache.http.util.EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            }
        };
    }

    static Client okHttp() {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
        return url -> {
            try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
                return response.code() + " " + response.body().string();
            }
        };
    }

    static Client restTemplate(boolean onApache) {
        RestTemplate template = new RestTemplate(onApache
                ? new HttpComponentsClientHttpRequestFactory() : new SimpleClientHttpRequestFactory());
        return url -> {
            try {
                var entity = template.getForEntity(url, String.class);
                return entity.getStatusCode().value() + " " + entity.getBody();
            } catch (HttpStatusCodeException answered) {
                return answered.getStatusCode().value() + " " + answered.getResponseBodyAsString();
            }
        };
    }

    static Client restClient() {
        RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
        return url -> {
            try {
                var entity = client.get().uri(url).retrieve().toEntity(String.class);
                return entity.getStatusCode().value() + " " + entity.getBody();
            } catch (HttpStatusCodeException answered) {
                return answered.getStatusCode().value() + " " + answered.getResponseBodyAsString();
            }
        };
    }

    static Client webClient(boolean onReactorNetty) {
        org.springframework.web.reactive.function.client.WebClient client = onReactorNetty
                ? org.springframework.web.reactive.function.client.WebClient.create()
                : org.springframework.web.reactive.function.client.WebClient.builder()
                        .clientConnector(new org.springframework.http.client.reactive.JdkClientHttpConnector()).build();
        return url -> client.get().uri(java.net.URI.create(url))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> response.statusCode().value() + " " + body))
                .block(java.time.Duration.ofSeconds(10));
    }
}
