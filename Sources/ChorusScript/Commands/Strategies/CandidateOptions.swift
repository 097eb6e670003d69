import ChorusEngine

/// The candidates an aggregation or refinement prompt shows: `k`, `subsets`, `order`, `seed`,
/// `budget` and `over_budget`, shared by `aggregate`, `refine`, `train ssa` and `train gsr`.
struct CandidateOptions: ParameterList {
    /// Candidates per prompt.
    let k: ParameterKey<Int>
    /// Prompts per problem.
    let subsets: ParameterKey<Int>
    /// The candidates' order in the prompt.
    let order: ParameterKey<CandidateOrder>
    /// Seeds subsets and shuffling.
    let seed: ParameterKey<Int>
    /// The most estimated tokens of candidates per prompt.
    let budget: ParameterKey<Int?>
    /// What happens to a prompt over the budget.
    let overBudget: ParameterKey<CandidateBudget.Policy>
    /// Whether the signature lists `seed` here (a command that shares it with more lists it itself).
    private let listsSeed: Bool

    /// The options of `aggregate` and `refine`.
    static func combining(defaultK: Int) -> CandidateOptions {
        CandidateOptions(
            k: .named(
                "k", "candidates per prompt (a problem with fewer shows all it has)", default: defaultK,
                in: .between(1, 64)),
            subsets: .named(
                "subsets", "prompts per problem: 1 shows the first k; more draw seeded random k-subsets", default: 1,
                in: .between(1, 64)),
            order: .named("order", "the candidates' order in the prompt", default: .sampled),
            seed: .named("seed", "seeds subsets and shuffling, and the model (answer i uses seed + i)", default: 1),
            budget: .named("budget", "most estimated tokens (4 bytes each) of candidates per prompt", in: .atLeast(1)),
            overBudget: .named("over_budget", "cut candidates to fit, or skip the prompt", default: .truncate),
            listsSeed: true)
    }

    /// The options of `train ssa` and `train gsr`, whose `seed` also seeds the split and training.
    static func training(seed: ParameterKey<Int>) -> CandidateOptions {
        CandidateOptions(
            k: .named("k", "candidates per prompt", default: 4, in: .between(1, 64)),
            subsets: .named(
                "subsets", "prompts per problem (seeded random k-subsets beyond the first)", default: 1,
                in: .between(1, 64)),
            order: .choice(
                "order", "the candidates' order in the prompt", among: [.sampled, .shuffled], word: \.rawValue,
                default: .sampled),
            seed: seed,
            budget: .named("budget", "most estimated tokens of candidates per prompt", in: .atLeast(1)),
            overBudget: .named("over_budget", "drop prompts over the budget, or cut them", default: .skip),
            listsSeed: false)
    }

    var parameters: [Parameter] {
        [k, subsets].flatMap(\.parameters) + order.parameters + (listsSeed ? seed.parameters : [])
            + budget.parameters + overBudget.parameters
    }

    /// Which candidates each prompt shows; `k` replaces the invocation's when given (a checked one).
    func selection(_ invocation: Invocation, k checkedK: Int? = nil) -> CandidateSelection {
        CandidateSelection(
            k: checkedK ?? invocation[k], subsets: invocation[subsets], seed: invocation[seed],
            order: invocation[order].selectionOrder)
    }

    /// The token budget for candidates, when `budget` is given, with `over_budget`'s policy.
    func budget(_ invocation: Invocation) -> CandidateBudget? {
        invocation[budget].map { CandidateBudget(maxTokens: $0, policy: invocation[overBudget]) }
    }
}

/// The candidates' order in a prompt, as `order:` names it.
enum CandidateOrder: String, ParameterChoice {
    case sampled
    case shuffled
    case score

    /// The engine's order.
    var selectionOrder: CandidateSelection.Order {
        switch self {
        case .sampled: .sampled
        case .shuffled: .shuffled
        case .score: .byScore
        }
    }
}

extension CandidateBudget.Policy: ParameterChoice {}
