package dev.corner.devices.mqtt;

import dev.corner.devices.internal.DeviceAuthentication;
import dev.corner.devices.internal.DeviceRequestRouter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Device protocol v1 over MQTT, on unless {@code corner.mqtt.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "corner.mqtt.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MqttProperties.class)
class MqttConfiguration {

    /** The embedded broker runs only when no external broker is named. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${corner.mqtt.broker-url:}'.isBlank()")
    static class Embedded {

        @Bean
        BrokerAccess brokerAccess(DeviceAuthentication devices) {
            return new BrokerAccess(devices);
        }

        @Bean
        EmbeddedBroker embeddedBroker(MqttProperties properties, BrokerAccess access) {
            return new EmbeddedBroker(properties.embedded(), access);
        }
    }

    @Bean
    MqttDeviceRequests mqttDeviceRequests(
            DeviceAuthentication authentication, DeviceRequestRouter router, JsonMapper json) {
        return new MqttDeviceRequests(authentication, router, json);
    }

    @Bean
    MqttDeviceGateway mqttDeviceGateway(
            MqttProperties properties, ObjectProvider<EmbeddedBroker> embedded, MqttDeviceRequests requests) {
        return new MqttDeviceGateway(properties, embedded, requests);
    }

    @Bean
    MqttHealthIndicator mqttHealthIndicator(MqttDeviceGateway gateway) {
        return new MqttHealthIndicator(gateway);
    }
}
