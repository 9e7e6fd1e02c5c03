package io.tributary.app.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OutboundConfig {

    @Bean
    OutboundHosts outboundHosts(OutboundProperties properties) {
        return new OutboundHosts(properties);
    }
}
