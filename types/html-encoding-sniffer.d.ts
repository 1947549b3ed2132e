// html-encoding-sniffer ships no types: its one function, as documented in its README.
declare module "html-encoding-sniffer" {
  /** The WHATWG encoding sniffing algorithm: BOM, transport-layer label, <meta> prescan, else `defaultEncoding`. Returns the encoding's name. */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
