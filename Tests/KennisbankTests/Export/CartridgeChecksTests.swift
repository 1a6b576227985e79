import XCTest
@testable import KennisbankCore
@testable import KennisbankExport

/// What a cartridge export needs before it starts: a baseURL, and a route that exists.
final class CartridgeChecksTests: XCTestCase {
    func testWithoutBaseURLTheErrorPointsAtSiteYml() {
        XCTAssertThrowsError(try CartridgeChecks.baseURL(nil, siteConfigPath: "Content/site.yml")) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.path, "Content/site.yml")
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertEqual(diagnostic.code, .configuration)
            XCTAssertEqual(diagnostic.message, "A cartridge links every step to its published page, so site.yml needs an absolute 'baseURL'.")
            XCTAssertEqual(diagnostic.hint, "add a line such as 'baseURL: https://kennisbank.example.nl/' to site.yml, or give --base-url")
        }
        XCTAssertThrowsError(try CartridgeChecks.baseURL("/kennisbank/", siteConfigPath: "site.yml")) { error in
            XCTAssertTrue((error as! Diagnostic).message.hasSuffix("(it is '/kennisbank/')."))
        }
        XCTAssertEqual(try CartridgeChecks.baseURL("https://kb.example.nl/", siteConfigPath: "site.yml"), "https://kb.example.nl/")
    }

    func testAnUnknownRouteSuggestsTheClosestOne() throws {
        let slugs = ["werkplaats-in-drie-stappen", "vijf-lenzen"]
        XCTAssertNil(CartridgeChecks.route("vijf-lenzen", among: slugs, routesFolder: "Content/leerroutes"))
        let diagnostic = try XCTUnwrap(CartridgeChecks.route("werkplaats-in-drie-stapen", among: slugs, routesFolder: "Content/leerroutes"))
        XCTAssertEqual(diagnostic.path, "Content/leerroutes")
        XCTAssertEqual(diagnostic.message, "There is no route 'werkplaats-in-drie-stapen'.")
        XCTAssertEqual(diagnostic.hint, "did you mean 'werkplaats-in-drie-stappen'?")
        XCTAssertEqual(CartridgeChecks.route("x", among: [], routesFolder: "Content/leerroutes")?.message,
                       "There is no route 'x': the content has no routes.")
    }
}
