// NVL for a plain page: the bundle sets window.NVL.
import { NVL } from '@neo4j-nvl/base';
window.NVL = NVL;
