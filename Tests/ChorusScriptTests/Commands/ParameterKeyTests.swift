import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("ParameterKey")
struct ParameterKeyTests {
    enum Speed: String, ParameterChoice {
        case fast
        case slow
    }

    @Test func aKeyDeclaresItsParameterOnce() {
        let k = ParameterKey<Int>.named("k", "candidates", default: 4, in: .between(1, 64))
        #expect(k.parameter.name == "k")
        #expect(k.parameter.type == .int)
        #expect(k.parameter.defaultValue == .int(4))
        #expect(k.parameter.constraint?.phrase == "between 1 and 64")
        #expect(!k.parameter.isPositional)
        #expect(k.value(of: .int(7)) == 7)
    }

    @Test func optionalKeysDefaultToNone() {
        let limit = ParameterKey<Int?>.named("limit", "keep the first n")
        #expect(limit.parameter.defaultValue == Value.none)
        #expect(limit.value(of: .none) == nil)
        #expect(limit.value(of: .int(3)) == 3)
        let required = ParameterKey<String>.positional("path", "a file", type: .path)
        #expect(required.parameter.isRequired)
        #expect(required.parameter.completion == .filePath)
    }

    @Test func choicesAreEnums() {
        let speed = ParameterKey<Speed>.named("speed", "how", default: .fast)
        #expect(speed.parameter.type == .choice(["fast", "slow"]))
        #expect(speed.parameter.completion == .words(["fast", "slow"]))
        #expect(speed.value(of: .string("slow")) == .slow)
        #expect(!speed.parameter.isReadable(.string("medium")))
    }

    @Test func aChoiceAmongValuesReadsTheValue() {
        let word = ParameterKey<Int>.choice("size", "how big", among: [1, 2, 3], word: { "s\($0)" }, default: 2)
        #expect(word.parameter.type == .choice(["s1", "s2", "s3"]))
        #expect(word.parameter.defaultValue == .string("s2"))
        #expect(word.value(of: .string("s3")) == 3)
    }

    @Test func objectsAreMatchedByTheirSwiftType() {
        let data = ParameterKey<DatasetValue>.positional("data", "the problems")
        #expect(data.parameter.type == .object(DatasetValue.objectType))
        #expect(data.parameter.completion == .variable(typeName: "dataset"))
        #expect(!data.parameter.isReadable(.object(FakeDataset(rows: 1))))
    }

    @Test func variadicKeysReadEveryItem() {
        let items = ParameterKey<[Int]>.variadic("items", "numbers")
        #expect(items.parameter.isVariadic)
        #expect(items.value(of: .list([.int(1), .int(2)])) == [1, 2])
    }

    @Test func eitherOfTwoObjectTypes() throws {
        let with = ParameterKey<EitherObject<ModelValue, DatasetValue>>.named("with", "a model or a dataset")
        #expect(with.parameter.type.displayName == "model or dataset")
        #expect(with.parameter.completion == .variable(typeName: nil))
        let dataset = DatasetValue(try Dataset.builtIn(named: "arithmetic", count: 1, seed: 1))
        guard case .second(let read) = with.value(of: .object(dataset)) else {
            Issue.record("a dataset was not read as the second type")
            return
        }
        #expect(read.dataset.problems.count == 1)
        #expect(!with.parameter.isReadable(.int(1)))
    }
}
