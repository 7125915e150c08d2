package dev.tandem.checks.repository;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileTest {

    @Test
    void instructionsJoinContinuationsSkipCommentsAndHeredocs() {
        Dockerfile d = Dockerfile.parse("""
                # syntax=docker/dockerfile:1
                FROM alpine:3.20 AS base
                RUN apk add --no-cache \\
                # a comment inside the continuation
                    curl \\
                    jq
                COPY <<EOF /etc/motd
                USER root
                EOF
                user app
                """);
        assertThat(d.instructions()).extracting(Dockerfile.Instruction::keyword).containsExactly("FROM", "RUN", "COPY", "USER");
        assertThat(d.instructions().get(1).arguments()).isEqualTo("apk add --no-cache  curl  jq");
        assertThat(d.instructions().get(3).line()).isEqualTo(10);
        assertThat(d.finalStage().name()).isEqualTo("base");
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile d = Dockerfile.parse("# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir `\n  c:\\\nUSER ContainerUser\n");
        assertThat(d.instructions()).extracting(Dockerfile.Instruction::keyword).containsExactly("FROM", "RUN", "USER");
        assertThat(d.instructions().get(1).arguments()).isEqualTo("dir  c:\\");
    }

    @Test
    void stagesResolveBuildArgumentsAndKnowTheirBase() {
        Dockerfile d = Dockerfile.parse("""
                ARG JDK=17
                ARG BASE=eclipse-temurin:${JDK}-jre
                ARG UNSET
                FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-${JDK} AS build
                FROM ${BASE}
                FROM ${UNSET}
                FROM build AS again
                """);
        assertThat(d.stages()).hasSize(4);
        assertThat(d.stages().get(0).resolvedImage()).isEqualTo("maven:3.9-eclipse-temurin-17");
        assertThat(d.stages().get(1).resolvedImage()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(d.stages().get(2).resolvedImage()).isNull();
        assertThat(d.stages().get(2).unresolvedVariable()).isEqualTo("UNSET");
        assertThat(d.baseStage(d.stages().get(3))).isSameAs(d.stages().get(0));
        assertThat(d.baseStage(d.stages().get(1))).isNull();
    }

    @Test
    void substitutionForms() {
        Map<String, String> vars = Map.of("A", "x", "EMPTY", "");
        String[] missing = new String[1];
        assertThat(Dockerfile.substitute("$A-${A}-${B:-dflt}-${A:+alt}-${EMPTY:-e}", vars, missing)).isEqualTo("x-x-dflt-alt-e");
        assertThat(missing[0]).isNull();
        assertThat(Dockerfile.substitute("${B}", vars, missing)).isEmpty();
        assertThat(missing[0]).isEqualTo("B");
    }
}
