import Datasets
import TensorEngine
import Testing

@Suite struct SampleImagesTests {
  @Test func everyNamedImageHasItsShapeAndRange() throws {
    let shapes: [String: [Int]] = [
      "digit9": [28, 28], "letter_d": [10, 10], "vertical_edge_6x6": [6, 6], "horizontal_edge_6x6": [6, 6],
      "checkerboard": [32, 32], "house": [120, 160, 3], "rgb_circles": [64, 64, 3],
    ]
    #expect(Set(SampleImages.names) == Set(shapes.keys))
    for (name, shape) in shapes {
      let image = try #require(SampleImages.image(named: name))
      #expect(image.shape == shape, "\(name)")
      #expect(image.values.allSatisfy { $0 >= 0 && $0 <= 255 }, "\(name)")
    }
    #expect(SampleImages.image(named: "no_such_image") == nil)
  }

  /// The chapter 5 image: 10 in the left three columns, 0 in the right three.
  @Test func verticalEdgeImageIsTheChaptersTenZeroImage() throws {
    let image = try #require(SampleImages.image(named: "vertical_edge_6x6"))
    #expect(image.values == Array(repeating: [10, 10, 10, 0, 0, 0] as [Float], count: 6).flatMap { $0 })
  }

  @Test func checkerboardAlternatesEveryFourPixels() throws {
    let board = try #require(SampleImages.image(named: "checkerboard"))
    #expect(board.values[0] == 255)
    #expect(board.values[3] == 255)
    #expect(board.values[4] == 0)
    #expect(board.values[4 * 32] == 0)
    #expect(board.values[4 * 32 + 4] == 255)
  }

  /// The house has strong vertical edges: across a window frame's left side the gray level
  /// jumps, while within the wall it barely changes.
  @Test func houseHasStrongEdgesAndSmoothWalls() throws {
    let house = try #require(SampleImages.image(named: "house"))
    func luma(_ r: Int, _ c: Int) -> Float {
      let i = (r * 160 + c) * 3
      return 0.299 * house.values[i] + 0.587 * house.values[i + 1] + 0.114 * house.values[i + 2]
    }
    #expect(abs(luma(85, 70) - luma(85, 75)) > 60)  // wall to door
    #expect(abs(luma(58, 60) - luma(58, 64)) < 20)  // wall to wall
  }

  @Test func rgbCirclesPutsOneDiscInEachChannel() throws {
    let discs = try #require(SampleImages.image(named: "rgb_circles"))
    func pixel(_ r: Int, _ c: Int) -> [Float] { Array(discs.values[((r * 64 + c) * 3)..<((r * 64 + c) * 3 + 3)]) }
    #expect(pixel(20, 15) == [255, 0, 0])   // red disc only
    #expect(pixel(20, 49) == [0, 255, 0])   // green disc only
    #expect(pixel(45, 32) == [0, 0, 255])   // blue disc only
    #expect(pixel(28, 32) == [255, 255, 255])  // all three overlap
    #expect(pixel(0, 0) == [0, 0, 0])
  }
}
