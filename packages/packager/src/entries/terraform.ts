// `@chalice/packager/terraform`: Terraform JSON from an app graph, without the rest of the packager.
export { terraformConfig, type TerraformJson, type TerraformOptions } from '../terraform-config.ts';
