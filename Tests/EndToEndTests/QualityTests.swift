import Evaluation
import Foundation
import NewsPipeline
import XCTest

/// The extraction quality on the dev corpus and the seeds, per language, against the floors in
/// Tests/Fixtures/quality-thresholds.json (the one place they are kept).
final class QualityTests: XCTestCase {
    struct Floors: Decodable {
        var entities: Double
        var roles: Double
        var deals: Double
        var amounts: Double
    }

    func testEvaluationMeetsTheFloorsInEveryLanguage() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/quality-thresholds.json"))
        let floors = try JSONDecoder().decode([String: Floors].self, from: data)
        let run = try BuildPipeline.evaluate(paths: [packageRoot.appendingPathComponent("Tests/Fixtures/corpus/dev").path,
                                                     packageRoot.appendingPathComponent("seeds").path],
                                             options: BuildOptions(jobs: 2))
        XCTAssertEqual(Set(run.perLanguage.map(\.language)), ["de", "en", "fr", "sv"])
        for (lang, _, r) in run.perLanguage {
            let f = try XCTUnwrap(floors[lang] ?? floors["default"])
            XCTAssertGreaterThanOrEqual(r.entities.f1, f.entities, "\(lang) entity F1")
            XCTAssertGreaterThanOrEqual(r.roles.f1, f.roles, "\(lang) role F1")
            XCTAssertGreaterThanOrEqual(r.deals.f1, f.deals, "\(lang) deal F1")
            let amounts = r.amountGold == 0 ? 1 : Double(r.amountCorrect) / Double(r.amountGold)
            XCTAssertGreaterThanOrEqual(amounts, f.amounts, "\(lang) amounts")
        }
    }
}
