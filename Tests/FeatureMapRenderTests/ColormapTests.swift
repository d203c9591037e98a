import FeatureMapRender
import Testing

@Suite struct ColormapTests {
  @Test func grayIsTheIdentityOnBytes() {
    let lut = Colormap.gray.lut
    #expect(lut.count == 256)
    for i in [0, 1, 64, 127, 128, 254, 255] { #expect(lut[i] == RGB(UInt8(i), UInt8(i), UInt8(i))) }
  }

  @Test func divergingIsWhiteAtTheCentreAndSymmetric() {
    let lut = Colormap.diverging.lut
    #expect(lut.count == 256)
    // Zero in a symmetric range maps to level round(0.5 * 255) = 128; 127 mirrors it.
    #expect(lut[128] == RGB(255, 255, 255))
    #expect(lut[127] == RGB(255, 255, 255))
    #expect(lut[0].b > lut[0].r, "negative end is blue")
    #expect(lut[255].r > lut[255].b, "positive end is red")
    #expect(lut[0].luminance < 100 && lut[255].luminance < 100, "both ends are dark")
    // Lightness falls away from the centre on both sides.
    for i in 1..<128 { #expect(lut[i - 1].luminance <= lut[i].luminance + 0.5) }
    for i in 128..<255 { #expect(lut[i + 1].luminance <= lut[i].luminance + 0.5) }
    let odd = Colormap.diverging.table(levels: 5)
    #expect(odd[2] == RGB(255, 255, 255))
  }

  @Test func viridisRunsFromPurpleToYellowWithRisingLightness() {
    let lut = Colormap.viridis.lut
    #expect(lut[0] == RGB(68, 1, 84))
    #expect(lut[255] == RGB(253, 231, 37))
    for i in 1..<256 { #expect(lut[i].luminance >= lut[i - 1].luminance - 0.5) }
  }

  @Test func endpointsAndMidpointOfInterpolation() {
    let map = Colormap(name: "ramp", stops: [.init(0, RGB(0, 100, 200)), .init(1, RGB(200, 100, 0))])
    #expect(map.color(at: 0) == RGB(0, 100, 200))
    #expect(map.color(at: 1) == RGB(200, 100, 0))
    #expect(map.color(at: 0.5) == RGB(100, 100, 100))
    #expect(map.color(at: -3) == RGB(0, 100, 200), "clamped below")
    #expect(map.color(at: 7) == RGB(200, 100, 0), "clamped above")
  }

  @Test(arguments: [
    ("gray", "gray"), ("grey", "gray"), ("diverging", "diverging"), ("RdBu", "diverging"),
    ("RdBu_r", "diverging"), ("coolwarm", "diverging"), ("viridis", "viridis"), ("MAGMA", "magma"),
  ])
  func namedLookup(name: String, canonical: String) {
    #expect(Colormap.named(name)?.name == canonical)
  }

  @Test func unknownNameIsNil() {
    #expect(Colormap.named("jet") == nil)
    #expect(RenderError.unknownColormap(name: "jet").description.contains("'viridis'"))
  }
}
