import Foundation
import Testing

@testable import ChorusEngine

@Suite struct ModelSpecTests {
    func parse(_ text: String) throws -> ModelSpec { try ModelSpec(parsing: text) }

    func error(_ text: String) -> ModelSpecError? {
        do {
            _ = try ModelSpec(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesAnOpenAIServer() throws {
        let spec = try parse("openai:http://127.0.0.1:8000/v1/Qwen2.5-7B-Instruct")
        #expect(
            spec
                == .openAI(
                    model: "Qwen2.5-7B-Instruct", endpoints: [URL(string: "http://127.0.0.1:8000/v1")!],
                    keyVariable: nil))
        #expect(spec.identity == "openai:Qwen2.5-7B-Instruct@http://127.0.0.1:8000/v1")
    }

    @Test func modelNamesMayHoldSlashes() throws {
        let spec = try parse("openai:https://api.example.com/v1/Qwen/Qwen2.5-7B-Instruct")
        #expect(spec.identity == "openai:Qwen/Qwen2.5-7B-Instruct@https://api.example.com/v1")
    }

    @Test func withoutAVersionSegmentTheLastSegmentIsTheModel() throws {
        #expect(try parse("openai:http://host:8080/llama").identity == "openai:llama@http://host:8080")
        #expect(
            try parse("openai:https://g.example/v1beta/openai/gemini").identity
                == "openai:openai/gemini@https://g.example/v1beta")
    }

    @Test func severalEndpointsServeOneModelAndTheIdentityIgnoresTheirOrder() throws {
        let first = try parse("openai:http://b:8000/v1,HTTP://A:8000/v1/,http://b:8000/v1/M")
        guard case .openAI(let model, let endpoints, _) = first else {
            Issue.record("not openai")
            return
        }
        #expect(model == "M")
        #expect(endpoints.map(\.absoluteString) == ["http://b:8000/v1", "http://a:8000/v1"])
        #expect(first.identity == "openai:M@http://a:8000/v1,http://b:8000/v1")
        #expect(try parse("openai:http://a:8000/v1,http://b:8000/v1/M").identity == first.identity)
    }

    @Test func normalisationDropsDefaultPortsAndTrailingSlashes() {
        #expect(
            ModelSpec.normalisedEndpoint("HTTPS://Api.Example.com:443/v1/")?.absoluteString
                == "https://api.example.com/v1")
        #expect(ModelSpec.normalisedEndpoint("http://h:80/v1")?.absoluteString == "http://h/v1")
        #expect(ModelSpec.normalisedEndpoint("http://u:p@h/v1") == nil)
        #expect(ModelSpec.normalisedEndpoint("ftp://h/v1") == nil)
    }

    @Test func theKeyVariableIsAnOptionAndNeverPartOfTheIdentity() throws {
        let spec = try parse("openai:https://api.example.com/v1/gpt-4o-mini?key=MY_KEY")
        guard case .openAI(_, _, let variable) = spec else {
            Issue.record("not openai")
            return
        }
        #expect(variable == "MY_KEY")
        #expect(spec.identity == "openai:gpt-4o-mini@https://api.example.com/v1")
    }

    @Test func parsesReplayAndLocal() throws {
        #expect(try parse("replay:runs/samples.jsonl") == .replay(path: "runs/samples.jsonl"))
        #expect(try parse("replay:runs/samples.jsonl").identity == "replay:runs/samples.jsonl")
        #expect(try parse("local:qwen2.5-0.5b-instruct") == .local(name: "qwen2.5-0.5b-instruct"))
        #expect(try parse("  local:qwen2.5-0.5b-instruct ").identity == "local:qwen2.5-0.5b-instruct")
    }

    @Test func malformedSpecsSayWhatIsWrong() {
        #expect(error("") == .empty)
        #expect(error("qwen") == .missingKind)
        #expect(error("hf:qwen") == .unknownKind("hf"))
        #expect(error("openai:") == .missingURL)
        #expect(error("openai:127.0.0.1:8000/v1/m") == .invalidURL("127.0.0.1:8000/v1/m"))
        #expect(error("openai:http://127.0.0.1:8000/v1") == .missingModelName)
        #expect(error("openai:http://a/v1/x,http://b/v1/y") == .conflictingModelNames("x", "y"))
        #expect(error("openai:http://a/v1/x?temperature=1") == .unknownOption("temperature"))
        #expect(error("replay:") == .missingPath)
        #expect(error("local:") == .missingLocalName)
        #expect(error("local:a b") == .invalidLocalName("a b"))
        #expect(error("openai:http://a/v1/x,") == .missingURL)
    }

    @Test func secretsNeverAppearInErrors() {
        let credentials = error("openai:http://user:s3cret@a/v1/m")
        #expect(credentials == .credentialsInURL)
        #expect(!String(describing: credentials!).contains("s3cret"))
        let key = error("openai:http://a/v1/m?key=sk-live-123")
        #expect(key == .invalidKeyVariable)
        #expect(!String(describing: key!).contains("sk-live-123"))
        #expect(!String(describing: error("openai:x@y")!).contains("x@y"))
    }

    @Test func errorsGiveAnExample() {
        #expect(ModelSpecError.missingModelName.description.contains("openai:http://127.0.0.1:8000/v1/"))
    }
}
