// Types for scripts/package.mjs, which the tests import (test/unit/support/release-build.ts).
import type { LinuxPackager, Packager, Platform, PlatformPackager } from 'app-builder-lib';
export declare class AppImageFirstLinuxPackager extends LinuxPackager {}
export declare function platformPackagerFactory(info: Packager, platform: Platform): PlatformPackager<unknown>;
